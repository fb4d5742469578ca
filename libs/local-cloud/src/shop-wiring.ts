import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { localPlatform, platformValueParameters, type LocalPlatformValues } from './environment.js';
import type { SigningKeys } from './keys.js';
import { busParameters } from './orchestrator-runtime.js';
import { standInParameters, type StandInService } from './stand-ins.js';
import type { ServiceSummary } from './summary.js';

/** The SSM parameters the local AWS endpoint serves: what the platform and every service's stack would publish. */
export function platformParameters(keys: SigningKeys, values: LocalPlatformValues, services: ServiceSummary[], standIns: StandInService[]): Map<string, string> {
  const parameters = new Map([
    [localPlatform.publicKeysParameter, JSON.stringify({ keys: [{ kid: keys.kid, publicKeyPem: keys.publicKeyPem }] })],
    ...busParameters(localPlatform.eventBusName),
    ...platformValueParameters(values),
    ...standInParameters(standIns),
  ]);
  // Internal operations publish their function names as SSM parameters, as their stacks do in AWS.
  for (const operation of services.flatMap((service) => service.internalOperations)) parameters.set(operation.parameter, operation.functionName);
  return parameters;
}

/** Listens on the loopback address only; a port in use fails with what to do about it. */
export async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} is already in use; start with PORT=<another port>.`) : error),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}
