import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { currencyCodes, type Currency } from '@shoplane/contracts';
import type { DocumentClient } from '@shoplane/lambda-kit';
import { orderMeasures, type OrderMeasure, type OrderTotals, type UnitsSold } from '../domain/aggregates.js';
import type { AggregateReader, DayRange } from '../domain/ports.js';
import { monthsOf } from '../domain/range.js';
import { dayBounds, statsPartition } from './table-layout.js';

type Item = Record<string, unknown>;

const isCurrency = (value: unknown): value is Currency => currencyCodes.some((code) => code === value);
const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

function totalsOf(item: Item): OrderTotals | undefined {
  const { day, currency } = item;
  if (typeof day !== 'string' || !isCurrency(currency)) return undefined;
  return { day, currency, measures: Object.fromEntries(orderMeasures.map((measure) => [measure, count(item[measure])])) as Record<OrderMeasure, number> };
}

function unitsOf(item: Item): UnitsSold | undefined {
  const { day, productId, name } = item;
  if (typeof day !== 'string' || typeof productId !== 'string') return undefined;
  return { day, productId, name: typeof name === 'string' ? name : '', units: count(item['units']) };
}

/** Every counter item of one month's partition between two days (`DD`), all pages of it. */
async function monthCounters(client: DocumentClient, tableName: string, month: string, fromDay: string, toDay: string): Promise<Item[]> {
  const { lower, upper } = dayBounds(fromDay, toDay);
  const items: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :lower AND :upper',
        ExpressionAttributeValues: { ':pk': statsPartition(month), ':lower': lower, ':upper': upper },
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/**
 * The counters of a range of days, read by Query: one per month the range touches
 * (in parallel), never a Scan. A 366-day range is 13 queries.
 */
export function dynamoAggregateReader(client: DocumentClient, tableName: string): AggregateReader {
  return {
    async read(range: DayRange) {
      const months = monthsOf(range);
      const pages = await Promise.all(
        months.map((month) =>
          monthCounters(client, tableName, month, month === range.from.slice(0, 7) ? range.from.slice(8) : '01', month === range.to.slice(0, 7) ? range.to.slice(8) : '31'),
        ),
      );
      const items = pages.flat();
      return {
        orders: items.filter((item) => item['kind'] === 'orders').flatMap((item) => totalsOf(item) ?? []),
        units: items.filter((item) => item['kind'] === 'units').flatMap((item) => unitsOf(item) ?? []),
      };
    },
  };
}
