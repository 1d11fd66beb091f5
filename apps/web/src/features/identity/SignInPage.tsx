import { Button, Paragraph } from '@utrecht/component-library-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useT } from '../../i18n/LocaleProvider';
import { TextField } from '../../ui/Fields';
import { ErrorAlert, Notice, PageHeading, RouterLink } from '../../ui/States';

export const homeOf = (role: string): string =>
  role === 'procurement_officer' ? '/officer/obligations' : '/account';

/** Only paths inside the app: a `next` pointing elsewhere is ignored. */
const safeNext = (next: string | null): string | null => (next && /^\/(?!\/)/.test(next) ? next : null);

export function SignInPage() {
  const { t, fieldErrors } = useT();
  const { signIn, status, me, expired } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => signIn(email, password),
    onSuccess: (m) => navigate(safeNext(params.get('next')) ?? homeOf(m.role), { replace: true }),
  });
  if (status === 'signed_in' && me && !login.isPending && !login.isSuccess) {
    return <Navigate to={safeNext(params.get('next')) ?? homeOf(me.role)} replace />;
  }
  const errors = fieldErrors(login.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };
  return (
    <>
      <PageHeading>{t('signIn.title')}</PageHeading>
      {expired && <Notice type="warning">{t('error.sessionEnded')}</Notice>}
      {login.error instanceof ApiError && login.error.code === 'INVALID_CREDENTIALS' ? (
        <Notice type="warning">{t('signIn.failed')}</Notice>
      ) : login.error && Object.keys(errors).length === 0 ? (
        <ErrorAlert error={login.error} />
      ) : null}
      <form onSubmit={submit} className="bs-form" noValidate>
        <TextField
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          error={errors.email}
          required
        />
        <TextField
          label={t('signIn.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={errors.password}
          required
        />
        <Button appearance="primary-action-button" type="submit" busy={login.isPending}>
          {t('signIn.submit')}
        </Button>
      </form>
      <Paragraph>
        <RouterLink to="/register">{t('signIn.noAccount')}</RouterLink>
      </Paragraph>
    </>
  );
}
