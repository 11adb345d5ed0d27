import { describe, expect, it } from 'vitest';
import { graphqlWsUrl } from './ws-url.ts';

describe('graphqlWsUrl', () => {
  it('uses the page host, with wss under https', () => {
    expect(graphqlWsUrl({ protocol: 'http:', host: 'localhost:5173' })).toBe(
      'ws://localhost:5173/graphql',
    );
    expect(graphqlWsUrl({ protocol: 'https:', host: 'strand.example.org' })).toBe(
      'wss://strand.example.org/graphql',
    );
  });
});
