// Ids are part of the shared vocabulary (domain code makes them too); lambda-kit passes the one generator on.
export { newId } from '@shoplane/contracts';
