import { useState, type FormEvent } from 'react';
import { logIn, register } from '../api/shop.js';
import { Field } from '../components/field.js';
import { ErrorMessage, Notice } from '../components/states.js';
import { hrefOf } from '../domain/routes.js';
import { useFormErrors } from '../hooks/use-form-errors.js';
import { navigate } from '../hooks/use-route.js';

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { errors, busy, submit } = useFormErrors(['email', 'password']);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      await logIn({ email, password });
      navigate('/');
    });
  };

  return (
    <section className="narrow">
      <h1>Log in</h1>
      <form onSubmit={onSubmit} noValidate>
        {errors.summary && <ErrorMessage error={errors.summary} />}
        <Field label="E-mail" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={errors.byField['email']} />
        <Field
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.byField['password']}
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
      <p>
        New here? <a href={hrefOf('/register')}>Create an account</a>
      </p>
    </section>
  );
}

export function RegisterPage() {
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const [registered, setRegistered] = useState(false);
  const { errors, busy, submit } = useFormErrors(['name', 'email', 'password']);
  const change = (field: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [field]: event.target.value });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      await register(form);
      setRegistered(true);
      await logIn({ email: form.email, password: form.password });
      navigate('/');
    });
  };

  return (
    <section className="narrow">
      <h1>Create an account</h1>
      <form onSubmit={onSubmit} noValidate>
        {errors.summary && <ErrorMessage error={errors.summary} />}
        {registered && <Notice>Account created; logging you in…</Notice>}
        <Field label="Name" autoComplete="name" required value={form.name} onChange={change('name')} error={errors.byField['name']} />
        <Field label="E-mail" type="email" autoComplete="email" required value={form.email} onChange={change('email')} error={errors.byField['email']} />
        <Field
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 8 characters."
          value={form.password}
          onChange={change('password')}
          error={errors.byField['password']}
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create account'}
        </button>
      </form>
    </section>
  );
}
