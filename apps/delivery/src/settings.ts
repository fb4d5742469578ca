import type { App } from 'aws-cdk-lib';

/** CDK's default bootstrap qualifier: `cdk bootstrap` names its roles `cdk-hnb659fds-…`. */
export const defaultBootstrapQualifier = 'hnb659fds';

/** The GitHub environments the deploy workflow's jobs run in (one per stage). */
export const defaultDeployEnvironments = ['dev', 'prod'] as const;

/** What the delivery stack is built from; read from CDK context by `deliverySettingsOf`. */
export interface DeliverySettings {
  /** `owner/name` of the one GitHub repository whose workflows may deploy. */
  repository: string;
  /** GitHub environments whose jobs may deploy (`repo:<owner>/<name>:environment:<name>`). */
  environments: string[];
  /** Qualifier of the CDK bootstrap roles the deploy role may assume. */
  bootstrapQualifier: string;
  /** An account has one provider per URL: true reuses the one already there instead of creating it. */
  reuseOidcProvider: boolean;
}

// GitHub owners: letters, digits and single inner hyphens; repositories: letters, digits, `.`, `_`, `-`.
const repositoryPattern = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/[A-Za-z0-9._-]{1,100}$/;
const environmentPattern = /^[A-Za-z0-9_-]{1,255}$/;
const qualifierPattern = /^[a-z0-9]{1,10}$/;

function contextText(app: App, key: string): string | undefined {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && typeof value !== 'boolean') {
    throw new Error(`Context "${key}" must be a string, got ${JSON.stringify(value)}`);
  }
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

function repositoryOf(app: App): string {
  const repository = contextText(app, 'githubRepository');
  if (repository === undefined) {
    throw new Error(
      'Context "githubRepository" is missing: name the GitHub repository whose main branch may deploy, ' +
        'e.g. `nx deploy delivery -- -c githubRepository=acme/shoplane`.',
    );
  }
  if (repository === '.' || repository.endsWith('/.') || repository.endsWith('/..') || !repositoryPattern.test(repository)) {
    throw new Error(`Context "githubRepository" must be <owner>/<name> of one GitHub repository (no wildcards), got ${JSON.stringify(repository)}`);
  }
  return repository;
}

function environmentsOf(app: App): string[] {
  const listed = contextText(app, 'deployEnvironments');
  const environments = listed === undefined ? [...defaultDeployEnvironments] : listed.split(',').map((name) => name.trim());
  const invalid = environments.filter((name) => !environmentPattern.test(name));
  if (environments.length === 0 || invalid.length > 0) {
    throw new Error(`Context "deployEnvironments" must be comma-separated GitHub environment names, got ${JSON.stringify(listed)}`);
  }
  return [...new Set(environments)];
}

function qualifierOf(app: App): string {
  // The key `cdk bootstrap --qualifier` users already set in cdk.json for their other apps.
  const qualifier = contextText(app, '@aws-cdk/core:bootstrapQualifier') ?? defaultBootstrapQualifier;
  if (!qualifierPattern.test(qualifier)) {
    throw new Error(`Context "@aws-cdk/core:bootstrapQualifier" must be up to 10 lower-case letters or digits, got ${JSON.stringify(qualifier)}`);
  }
  return qualifier;
}

function flagOf(app: App, key: string): boolean {
  const value = contextText(app, key);
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw new Error(`Context "${key}" must be true or false, got ${JSON.stringify(value)}`);
}

/**
 * The delivery stack's settings from CDK context: `githubRepository` (required),
 * `deployEnvironments` (default `dev,prod`), `reuseGithubOidcProvider` (default false)
 * and CDK's own `@aws-cdk/core:bootstrapQualifier` (default `hnb659fds`).
 */
export function deliverySettingsOf(app: App): DeliverySettings {
  return {
    repository: repositoryOf(app),
    environments: environmentsOf(app),
    bootstrapQualifier: qualifierOf(app),
    reuseOidcProvider: flagOf(app, 'reuseGithubOidcProvider'),
  };
}
