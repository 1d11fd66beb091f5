import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Schemas } from '../../../api/client';
import { useT } from '../../../i18n/LocaleProvider';
import { TextField } from '../../../ui/Fields';
import { ErrorAlert } from '../../../ui/States';
import { useNewPolicyVersion } from '../api';

/** A published policy does not change: a new version starts as a draft copy, named here. */
export function NewVersionForm({ policy }: { policy: Schemas['PolicyResponseDto'] }) {
  const { t, fieldErrors } = useT();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const version = useNewPolicyVersion(policy);
  const error = fieldErrors(version.error).version;
  return (
    <form
      className="bs-form"
      onSubmit={(e) => {
        e.preventDefault();
        version.mutate(name.trim(), {
          onSuccess: (p) => {
            setName('');
            navigate(`/officer/policies/${p.id}`);
          },
        });
      }}
      noValidate
    >
      <TextField label={t('policy.newVersionName')} value={name} onChange={setName} error={error} />
      {version.error && !error && <ErrorAlert error={version.error} />}
      <div>
        <Button type="submit" appearance="secondary-action-button" busy={version.isPending}>
          {t('policy.newVersion')}
        </Button>
      </div>
    </form>
  );
}
