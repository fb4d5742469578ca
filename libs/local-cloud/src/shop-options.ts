import type { LocalFaults } from './faults.js';
import type { StandInService } from './stand-ins.js';

export interface LocalShopOptions {
  /** Gateway port; 0 picks a free one (tests). Defaults to 3000. */
  port?: number;
  /** Keep DynamoDB data and the signing keys under `dataDirectory`. */
  persist?: boolean;
  /** Where `persist` keeps them; `<root>/.data` by default. */
  dataDirectory?: string;
  /** Workspace root holding `apps/` (tests pass a fixture root). Defaults to this workspace. */
  root?: string;
  /** Log nothing (tests). */
  quiet?: boolean;
  /** Run only these apps (by folder name); all by default. */
  services?: string[];
  /** In-process stand-ins for services that are not running (tests). */
  standIns?: StandInService[];
  /** CDK context for the orchestrators' in-process synth, e.g. `{ paymentTimeoutSeconds: 2 }`. */
  stackContext?: Record<string, unknown>;
  /** Wait this long before each state machine retry instead of the definition's backoff (default 200 ms; tests: 0). */
  retryIntervalMs?: number;
  /** DynamoDB Local's port; a free one by default (a test putting a proxy in front of it picks it first). */
  dynamoDbPort?: number;
  /**
   * The DynamoDB endpoint functions and seeds are given instead of DynamoDB Local's own,
   * e.g. a fault-injecting proxy in front of it (reliability tests). Tables and streams
   * are still managed on DynamoDB Local directly.
   */
  dynamoEndpointOverride?: string;
  /**
   * Run the manifests' schedules this often (ms) instead of their declared rates, or not by
   * themselves at all (`false`; `runSchedules()` still runs them). The first run comes a few
   * seconds after start-up either way.
   */
  scheduleIntervalMs?: number | false;
  /** Faults to inject into invocations and bus deliveries (reliability tests only; none by default). */
  faults?: LocalFaults;
}
