import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorAlert } from './errors.tsx';
import { PageLoader } from './page.tsx';

/**
 * The four states of a list fetched from the server, drawn the same way everywhere: loading,
 * error with a retry, empty (when `empty` is given and the list has nothing), and the data.
 */
export function QueryView<T>({
  query,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (empty !== undefined && Array.isArray(query.data) && query.data.length === 0)
    return <>{empty}</>;
  return <>{children(query.data)}</>;
}
