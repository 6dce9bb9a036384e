import { Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { User } from '../../api/types.ts';
import { setLocale, storedLocale } from '../../i18n/index.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { ErrorAlert, useFieldErrors } from '../../ui/errors.tsx';

/** Sign in or create an account. On success the `me` query is refreshed and the app follows. */
export function AuthForms({ initialMode = 'sign-in' }: { initialMode?: 'sign-in' | 'sign-up' }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState(initialMode);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = useMutation({
    mutationFn: () =>
      mode === 'sign-in'
        ? post<{ user: User }>('/api/auth/sign-in', { email, password })
        : post<{ user: User }>('/api/auth/sign-up', { name, email, password, locale }),
    onSuccess: async ({ user }) => {
      // The account's language wins unless this browser already has a choice.
      if (!storedLocale() && user.locale !== locale) setLocale(user.locale);
      await queryClient.invalidateQueries({ queryKey: keys.me });
    },
  });
  const fieldError = useFieldErrors(submit.error);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };

  const switchMode = (next: 'sign-in' | 'sign-up') => {
    submit.reset();
    setMode(next);
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="auth-title">
      <Stack gap="md">
        <div>
          <Title order={2} id="auth-title" fz={22}>
            {mode === 'sign-in' ? t('auth.signInTitle') : t('auth.signUpTitle')}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {mode === 'sign-in' ? t('auth.signInIntro') : t('auth.signUpIntro')}
          </Text>
        </div>
        <ErrorAlert error={submit.error} />
        {mode === 'sign-up' && (
          <TextInput
            label={t('auth.name')}
            autoComplete="name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError('name')}
          />
        )}
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={fieldError('email')}
        />
        <PasswordInput
          label={t('auth.password')}
          autoComplete={mode === 'sign-in' ? 'current-password' : 'new-password'}
          required
          description={mode === 'sign-up' ? t('auth.passwordHint') : undefined}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={fieldError('password')}
          visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
        />
        <Button type="submit" loading={submit.isPending} fullWidth size="md">
          {mode === 'sign-in' ? t('auth.signIn') : t('auth.signUp')}
        </Button>
        <Text size="sm" ta="center">
          {mode === 'sign-in' ? t('auth.noAccount') : t('auth.haveAccount')}{' '}
          <Anchor
            component="button"
            type="button"
            onClick={() => switchMode(mode === 'sign-in' ? 'sign-up' : 'sign-in')}
          >
            {mode === 'sign-in' ? t('auth.toSignUp') : t('auth.toSignIn')}
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
