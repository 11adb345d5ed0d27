/** The graphql-ws endpoint on the page's own host: `ws://host/graphql` or `wss://` under https. */
export function graphqlWsUrl(location: { protocol: string; host: string }): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/graphql`;
}
