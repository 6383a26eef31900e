import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { WebAppDeployment } from './constructs/web-app-deployment';
import { PROJECT_ROOT } from './project-root';
import type { StatelessExports } from './stateless-stack';
import type { WebHostingExports } from './web-hosting-stack';

/** Properties of the web content stack. */
export interface WebContentStackProps extends StackProps {
  readonly hosting: WebHostingExports;
  /** The API's URL and the sign-in's ids, which `config.json` carries. */
  readonly stateless: StatelessExports;
  /** @default the repository root */
  readonly projectRoot?: string;
}

/**
 * The web app's files, last: the build, and the `config.json` that points it at the API and the
 * hosted sign-in, into the web hosting stack's bucket, with an invalidation of the entry page.
 */
export class WebContentStack extends Stack {
  readonly deployment: WebAppDeployment;

  constructor(scope: Construct, id: string, props: WebContentStackProps) {
    super(scope, id, props);
    const webRoot = `${props.hosting.origin}/`;
    this.deployment = new WebAppDeployment(this, 'WebApp', {
      bucket: props.hosting.bucket,
      distribution: { distributionId: props.hosting.distributionId, domainName: props.hosting.distributionDomainName },
      projectRoot: props.projectRoot ?? PROJECT_ROOT,
      config: {
        apiUrl: props.stateless.apiUrl,
        auth: {
          kind: 'cognito',
          region: this.region,
          userPoolId: props.stateless.userPoolId,
          clientId: props.stateless.userPoolClientId,
          domain: props.stateless.authDomainUrl,
          redirectUri: webRoot,
          logoutUri: webRoot,
        },
      },
    });
  }
}
