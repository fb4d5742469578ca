import type { KeyAttribute, TableAccess, TableDeclaration } from '@shoplane/manifest';
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, CfnGlobalTable, StreamViewType, TableV2, type Attribute } from 'aws-cdk-lib/aws-dynamodb';
import type { IGrantable, Role } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { acknowledgeNagFinding, nagTokenName } from './nag.js';

function attribute(key: KeyAttribute): Attribute {
  return { name: key.name, type: key.type === 'N' ? AttributeType.NUMBER : AttributeType.STRING };
}

export interface ServiceTableProps {
  tableName: string;
  declaration: TableDeclaration;
  /** On for every stage but dev, so a mistaken `cdk destroy` cannot drop production data. */
  deletionProtection: boolean;
  removalPolicy: RemovalPolicy;
}

/** The one table a service owns, exactly as its manifest declares it; on-demand, PITR on. */
export function createServiceTable(scope: Construct, id: string, props: ServiceTableProps): TableV2 {
  const { declaration } = props;
  return new TableV2(scope, id, {
    tableName: props.tableName,
    partitionKey: attribute(declaration.partitionKey),
    sortKey: declaration.sortKey ? attribute(declaration.sortKey) : undefined,
    globalSecondaryIndexes: (declaration.globalIndexes ?? []).map((index) => ({
      indexName: index.name,
      partitionKey: attribute(index.partitionKey),
      sortKey: index.sortKey ? attribute(index.sortKey) : undefined,
    })),
    billing: Billing.onDemand(),
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: props.deletionProtection,
    removalPolicy: props.removalPolicy,
    timeToLiveAttribute: declaration.timeToLiveAttribute,
    dynamoStream: declaration.stream ? StreamViewType.NEW_AND_OLD_IMAGES : undefined,
  });
}

/** Grants a function exactly the table access its declaration names; `readWrite` when unspecified. */
export function grantTableAccess(table: TableV2, grantee: IGrantable, access: TableAccess = 'readWrite'): void {
  switch (access) {
    case 'read':
      table.grantReadData(grantee);
      return;
    case 'readWrite':
      table.grantReadWriteData(grantee);
      return;
    case 'none':
      return;
  }
}

/**
 * With global indexes (and only then), the table grants above include `<table arn>/index/*`.
 * That wildcard stays inside this one table (its own indexes, all declared in
 * the manifest), so it is acknowledged on the role that holds it, by its
 * exact finding id, and nowhere else.
 */
export function acknowledgeOwnIndexWildcard(table: TableV2, role: Role, declaration: TableDeclaration): void {
  // The synthesized table always carries an index list (empty without indexes): ask the declaration.
  if (!declaration.globalIndexes?.length) return;
  const cfnTable = table.node.defaultChild;
  if (!(cfnTable instanceof CfnGlobalTable)) throw new Error('TableV2 without its CfnGlobalTable');
  acknowledgeNagFinding(
    role,
    `AwsSolutions-IAM5[Resource::${nagTokenName(cfnTable, 'Arn')}/index/*]`,
    "Queries on the service's own table indexes; the wildcard is bound to this table's ARN and covers only its declared GSIs.",
  );
}
