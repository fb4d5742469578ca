import { describe, expect, it } from 'vitest';
import { countsBetween, sqsMessagesIn, emptyCounts, operationKey, perUnit, recordInvocation, recordRequest, storageRequests, sumOf } from './shop-counts.js';

describe('counting the shop’s AWS requests', () => {
  it('names DynamoDB and Streams requests by their target and others by client and command', () => {
    expect(operationKey({ target: 'DynamoDB_20120810.GetItem', clientName: 'DynamoDBDocumentClient', commandName: 'GetCommand' })).toBe('DynamoDB.GetItem');
    expect(operationKey({ target: 'DynamoDBStreams_20120810.GetRecords' })).toBe('DynamoDBStreams.GetRecords');
    expect(operationKey({ target: 'AWSEvents.PutEvents', clientName: 'EventBridgeClient' })).toBe('EventBridge.PutEvents');
    expect(operationKey({ clientName: 'LambdaClient', commandName: 'InvokeCommand' })).toBe('Lambda.Invoke');
  });

  it('adds up requests, the capacity DynamoDB reported and the entries of PutEvents', () => {
    const counts = emptyCounts();

    recordRequest(counts, { target: 'DynamoDB_20120810.TransactWriteItems' }, { ConsumedCapacity: [{ CapacityUnits: 2 }, { CapacityUnits: 1 }] });
    recordRequest(counts, { target: 'DynamoDB_20120810.GetItem' }, { ConsumedCapacity: { CapacityUnits: 0.5 } });
    recordRequest(counts, { target: 'AWSEvents.PutEvents', clientName: 'EventBridgeClient', body: '{"Entries":[{},{}]}' }, {});

    expect(counts.requests).toEqual({ 'DynamoDB.TransactWriteItems': 1, 'DynamoDB.GetItem': 1, 'EventBridge.PutEvents': 1 });
    expect(counts.capacity).toEqual({ 'DynamoDB.TransactWriteItems': 3, 'DynamoDB.GetItem': 0.5 });
    expect(counts.entries).toEqual({ 'EventBridge.PutEvents': 2 });
  });

  it('counts the SQS messages an invocation was handed, and none in a stream batch or an API event', () => {
    expect(sqsMessagesIn({ Records: [{ eventSource: 'aws:sqs' }, { eventSource: 'aws:sqs' }] })).toBe(2);
    expect(sqsMessagesIn({ Records: [{ eventSource: 'aws:dynamodb' }] })).toBe(0);
    expect(sqsMessagesIn({ rawPath: '/cart' })).toBe(0);
  });

  it('takes the difference of two snapshots, then shares it per unit of work without stream polling', () => {
    const before = emptyCounts();
    recordRequest(before, { target: 'DynamoDB_20120810.GetItem' }, {});
    recordInvocation(before, 'get-product', 5);
    const after = { ...structuredClone(before), cpuMs: 30 };
    for (let index = 0; index < 4; index++) recordRequest(after, { target: 'DynamoDB_20120810.GetItem' }, {});
    recordRequest(after, { target: 'DynamoDB_20120810.PutItem' }, {});
    recordRequest(after, { target: 'DynamoDBStreams_20120810.GetRecords' }, {});
    recordInvocation(after, 'get-product', 7);
    recordInvocation(after, 'get-product', 9, 3);

    const each = perUnit(countsBetween(before, after), 2);

    expect(each.requests).toEqual({ 'DynamoDB.GetItem': 2, 'DynamoDB.PutItem': 0.5 });
    expect(each.invocations).toEqual({ 'get-product': { count: 1, totalMs: 8, sqsMessages: 1.5 } });
    expect(each.cpuMs).toBe(15);
    expect(storageRequests(each, 'write')).toEqual({ 'DynamoDB.PutItem': 0.5 });
    expect(sumOf(storageRequests(each, 'read'))).toBe(2);
  });
});
