import { functionName, internalOperationVariable, parameterName } from '@shoplane/manifest';
import { localStage } from './aws-identity.js';
import { noGrants, type LambdaHandler, type LocalFunction } from './functions.js';

/**
 * A service that is not running here, stood in for by in-process handlers of its internal
 * operations (tests of a service whose neighbours are built elsewhere). Each operation is
 * published as the real one would be: function `shoplane-local-<service>-<name>`, SSM
 * parameter `/shoplane/local/<service>/<name>`, variable `INVOKE_<SERVICE>_<NAME>`.
 */
export interface StandInService {
  service: string;
  operations: Record<string, LambdaHandler>;
}

const operationsOf = (standIns: readonly StandInService[]) =>
  standIns.flatMap((standIn) => Object.entries(standIn.operations).map(([name, run]) => ({ service: standIn.service, name, run })));

export function standInFunctions(standIns: readonly StandInService[]): LocalFunction[] {
  // A stand-in serves the operation it is named for, so declared callers may invoke it.
  return operationsOf(standIns).map(({ service, name, run }) => ({
    name: functionName(localStage, service, name),
    service,
    handler: name,
    run,
    ...noGrants,
    internalOperations: [`${service}.${name}`],
  }));
}

export function standInParameters(standIns: readonly StandInService[]): [string, string][] {
  return operationsOf(standIns).map(({ service, name }) => [parameterName(localStage, service, name), functionName(localStage, service, name)]);
}

export function standInVariables(standIns: readonly StandInService[]): Record<string, string> {
  return Object.fromEntries(operationsOf(standIns).map(({ service, name }) => [internalOperationVariable(`${service}.${name}`), functionName(localStage, service, name)]));
}
