import { Logger } from '@aws-lambda-powertools/logger';

/** The structured logger every function uses; its service name comes from POWERTOOLS_SERVICE_NAME. */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'certiflow' });
