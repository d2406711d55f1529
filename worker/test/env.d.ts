declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    TEST_DEMO_PASSWORD_HASH: string;
    /** test/fixtures/roster-as-typed.csv and .xlsx, base64 */
    TEST_ROSTER_CSV: string;
    TEST_ROSTER_XLSX: string;
  }
}
