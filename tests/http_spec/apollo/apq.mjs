// Apollo Client's own PersistedQueryLink + HttpLink against a running ShulGraph (APQ, P2).
// Usage: node apq.mjs <graphql url> <get|post>; env AUTHORIZATION, TENANT, QUERY. Prints one JSON object:
// the data of each of two runs of QUERY and every HTTP request the client made.
import { createHash } from "node:crypto";
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";

const [url, mode] = process.argv.slice(2);
const requests = [];

async function recordingFetch(input, init = {}) {
  const target = new URL(typeof input === "string" ? input : input.url);
  const body = typeof init.body === "string" ? JSON.parse(init.body) : null;
  const response = await fetch(input, init);
  requests.push({
    method: init.method ?? "GET",
    sentQuery: Boolean(body?.query ?? target.searchParams.get("query")),
    sentHash: Boolean(body?.extensions?.persistedQuery ?? target.searchParams.get("extensions")),
    status: response.status,
  });
  return response;
}

const sha256 = (text) => createHash("sha256").update(text).digest("hex");
const headers = { authorization: process.env.AUTHORIZATION, "x-tenant-id": process.env.TENANT };
const client = new ApolloClient({
  cache: new InMemoryCache(),
  link: ApolloLink.from([
    new PersistedQueryLink({ sha256, useGETForHashedQueries: mode === "get" }),
    new HttpLink({ uri: url, fetch: recordingFetch, headers }),
  ]),
});

const query = gql(process.env.QUERY);
const results = [];
for (let run = 0; run < 2; run += 1) {
  const { data } = await client.query({ query, fetchPolicy: "network-only" });
  results.push(data);
}
console.log(JSON.stringify({ results, requests }));
