/**
 * The token (MDM server) the console's pages work on: every token is listed once, the header's
 * picker chooses one, and the pages that need one read it from here.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { TokensDocument, type TokenHealthFragment } from './gql/graphql';

interface TokensState {
  readonly tokens: readonly TokenHealthFragment[];
  readonly selected: TokenHealthFragment | null;
  readonly fetching: boolean;
  select(id: string): void;
  refetch(): void;
}

const TokensContext = createContext<TokensState | null>(null);

export function TokensProvider({ children }: { children: ReactNode }) {
  const [result, reexecute] = useQuery({ query: TokensDocument });
  const tokens = useMemo(() => result.data?.enrollmentProgramTokens.edges.map((e) => e.node) ?? [], [result.data]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  useEffect(() => {
    if (tokens.length > 0 && !tokens.some((t) => t.id === selectedId)) setSelectedId(tokens[0]!.id);
  }, [tokens, selectedId]);
  const value: TokensState = {
    tokens,
    selected: tokens.find((t) => t.id === selectedId) ?? null,
    fetching: result.fetching,
    select: setSelectedId,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
  return <TokensContext.Provider value={value}>{children}</TokensContext.Provider>;
}

export function useTokens(): TokensState {
  const state = useContext(TokensContext);
  if (!state) throw new Error('useTokens outside TokensProvider');
  return state;
}

/** What a page that needs a token shows when there is none yet. */
export function NoToken() {
  return (
    <p className="notice">
      No enrollment program token yet. Finish the <a href="/setup">setup</a> first.
    </p>
  );
}
