import { buildWebApp } from '../../../local/web-app';

/** Vitest global setup of the browser tests: builds the web app once, as `npm start` does. */
export default async function setup(): Promise<void> {
  await buildWebApp();
}
