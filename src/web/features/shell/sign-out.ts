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
      // Questionnaires kept for offline field work (public/sw.js) go too; answers waiting to
      // be sent stay on the device and leave when the person who entered them signs in again.
      if ('caches' in window) void window.caches.delete('socle-field-v1');
      queryClient.setQueryData(keys.me, null);
      navigate('/', { replace: true });
    },
  });
}
