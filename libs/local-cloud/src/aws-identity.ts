/** The account and region every local ARN and event carries; no real account is ever involved. */
export const localAccountId = '000000000000';
export const localStage = 'local';
