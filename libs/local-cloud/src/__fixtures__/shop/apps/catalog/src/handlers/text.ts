export async function handler(): Promise<string> {
  return 'plain words';
}
