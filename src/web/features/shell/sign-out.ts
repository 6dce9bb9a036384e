import { useMutation, useQueryClient } from '@tanstack/react-query';
import { post } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import { navigate } from '../../router.tsx';

/** Ends the session, forgets every cached answer, and shows the sign-in page. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => post<{ ok: true }>('/api/auth/sign-out'),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(keys.me, null);
      navigate('/', { replace: true });
    },
  });
}
