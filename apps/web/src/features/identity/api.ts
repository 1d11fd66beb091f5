import { useMutation } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';

/** Registers a person with their organisation and signs them in (AuthProvider keeps the session). */
export function useRegister() {
  const { adopt } = useAuth();
  return useMutation({
    mutationFn: async (body: Schemas['RegisterDto']) =>
      adopt(await call(api.POST('/auth/register', { body }))),
  });
}
