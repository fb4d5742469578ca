import { handlerNames } from '@shoplane/manifest';
import { exampleService, exampleStack } from './fixtures/example-service.js';
import { handlersFolder } from './fixtures/handlers-folder.js';
import { serviceStackSuite } from './stack-suite.js';

// The shared suite, run on the example manifest that uses every feature the kit supports.
serviceStackSuite(exampleService, (_app, options) => exampleStack(options), {
  handlersDirectory: handlersFolder(handlerNames(exampleService).map((handler) => `${handler}.ts`)),
});
