// PostGraphile v5 beside ShulGraph in scripts/bench (bench/postgraphile.py starts it): the amber preset in
// production mode on the bench database as the application role, so row-level security is on; the tenant of
// each request comes from its X-Tenant header into `app.tenant_id` through pgSettings, as ShulGraph sets it.
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";

const port = Number(process.env.PORT);
const preset = {
  extends: [PostGraphileAmberPreset],
  // Lists ordered by columns without an index (memorial names), as ShulGraph orders them.
  disablePlugins: ["PgIndexBehaviorsPlugin"],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ["public"],
      poolConfig: { max: Number(process.env.POOL_MAX || 10) },
    }),
  ],
  grafast: {
    explain: false,
    context(requestContext) {
      const tenant = requestContext.node?.req?.headers["x-tenant"];
      return { pgSettings: tenant ? { "app.tenant_id": String(tenant) } : {} };
    },
  },
  grafserv: { port, graphiql: false, watch: false, maxRequestLength: 1000000 },
  schema: { exportSchemaSDLPath: undefined },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on("error", (error) => {
  console.error(error);
  process.exit(1);
});
serv.addTo(server).then(() => {
  server.listen(port, "127.0.0.1", () => console.log(`postgraphile ready on ${port}`));
});
process.on("SIGTERM", () => {
  server.close();
  pgl.release().finally(() => process.exit(0));
});
