import { App } from 'aws-cdk-lib';
import { createCertiflow } from './certiflow-app';
import { FEATURE_FLAGS } from './feature-flags';

const app = new App({ context: FEATURE_FLAGS });
createCertiflow(app, {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
app.synth();
