export async function handler(): Promise<never> {
  throw new Error('secret internal detail: connection string postgres://user:pw@db');
}
