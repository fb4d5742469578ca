import { GetSecretValueCommand, PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ParameterType, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';

/** Where the signing key and its public half live; a port so the handler is testable without AWS. */
export interface KeyStore {
  readSecret(secretId: string): Promise<string | undefined>;
  writeSecret(secretId: string, value: string): Promise<void>;
  /** Creates or overwrites a String parameter. */
  writeParameter(name: string, value: string, description: string): Promise<void>;
}

/** The key store in AWS: Secrets Manager for the private key, SSM Parameter Store for the public keys. */
export function awsKeyStore(
  secrets: SecretsManagerClient = new SecretsManagerClient({}),
  ssm: SSMClient = new SSMClient({}),
): KeyStore {
  return {
    async readSecret(secretId) {
      const result = await secrets.send(new GetSecretValueCommand({ SecretId: secretId }));
      return result.SecretString;
    },
    async writeSecret(secretId, value) {
      await secrets.send(new PutSecretValueCommand({ SecretId: secretId, SecretString: value }));
    },
    async writeParameter(name, value, description) {
      await ssm.send(
        new PutParameterCommand({ Name: name, Value: value, Type: ParameterType.STRING, Overwrite: true, Description: description }),
      );
    },
  };
}
