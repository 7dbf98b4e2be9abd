import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useFetchClient, useField } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import type { CustomInputProps } from './input-props';

interface AdminUser {
  email: string;
  firstname?: string | null;
  lastname?: string | null;
  roles?: Array<{ name: string }>;
}

const describeUser = (user: AdminUser) => {
  const name = [user.lastname, user.firstname].filter(Boolean).join('');
  const roles = (user.roles ?? []).map((role) => role.name).join('、');
  return `${name ? `${name} ` : ''}${user.email}${roles ? `（${roles}）` : ''}`;
};

/**
 * The account of 辖区分配, chosen among the admin's users (Settings → Users) rather than typed: a
 * typo silently left an officer with no region. The server checks the account exists too.
 */
export function AdminUserInput({ name = 'adminEmail', label, hint, required, disabled = false }: CustomInputProps) {
  const { value, error, onChange } = useField<string>(name);
  const { get } = useFetchClient();
  const [users, setUsers] = useState<AdminUser[]>([]);
  useEffect(() => {
    get<{ data: { results: AdminUser[] } }>('/admin/users', { params: { pageSize: 100, sort: 'email:ASC' } })
      .then(({ data }) => setUsers(data.data.results))
      .catch(() => setUsers([]));
  }, [get]);
  const email = typeof value === 'string' ? value : '';
  // The assigned account stays choosable while the list loads or if it has gone since.
  const listed = users.some((user) => user.email === email) || !email ? users : [{ email }, ...users];
  return (
    <Field.Root name={name} error={error} hint={hint} required={required}>
      <Field.Label>{label}</Field.Label>
      <SingleSelect
        value={email}
        disabled={disabled}
        placeholder="请选择管理员账号"
        onChange={(choice: string | number) => onChange(name, String(choice))}
      >
        {listed.map((user) => (
          <SingleSelectOption key={user.email} value={user.email}>
            {describeUser(user)}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
}

export default AdminUserInput;
