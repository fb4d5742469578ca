import { z } from 'zod/mini';
export const handler = async () => ({ statusCode: 200, body: JSON.stringify(z.string().parse('x')) });
