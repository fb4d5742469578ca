import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { json, outcome } from '../lambda-answers.js';

const events = new EventBridgeClient({ maxAttempts: 1 });
const secrets = new SecretsManagerClient({ maxAttempts: 1 });
const parameters = new SSMClient({ maxAttempts: 1 });

const names = [
  'AWS_LAMBDA_FUNCTION_NAME', 'SHOPLANE_STAGE', 'CATALOG_TABLE_NAME', 'DRAFTS_TABLE_NAME', 'INVOKE_CATALOG_GETTHING',
  'EVENT_BUS_NAME', 'JWT_ISSUER', 'JWT_AUDIENCE', 'JWT_PUBLIC_KEYS_PARAMETER', 'JWT_SIGNING_KEY_SECRET',
];

/** Declared with signTokens only: answers what it sees and which platform calls it may make. */
export async function handler(): Promise<APIGatewayProxyStructuredResultV2> {
  const visible = Object.fromEntries(names.filter((name) => name in process.env).map((name) => [name, process.env[name]]));
  return json({
    variables: visible,
    listed: Object.keys(process.env).filter((name) => names.includes(name)).sort(),
    readSigningKey: await outcome(() => secrets.send(new GetSecretValueCommand({ SecretId: 'shoplane/local/jwt-signing-key' }))),
    readPublicKeys: await outcome(() => parameters.send(new GetParameterCommand({ Name: '/shoplane/local/platform/jwt-public-keys' }))),
    putEvents: await outcome(() =>
      events.send(new PutEventsCommand({ Entries: [{ Source: 'shoplane.catalog', DetailType: 'ThingNoticed', Detail: '{}', EventBusName: 'shoplane-local' }] })),
    ),
  });
}
