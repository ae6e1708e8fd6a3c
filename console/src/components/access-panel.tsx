import { useState, useSyncExternalStore } from 'react';
import { credentialsStore, type Credentials } from '../api/credentials';
import { t } from '../i18n/t';
import { SelectField, TextField } from './fields';

export function useCredentials(): Credentials {
  return useSyncExternalStore(credentialsStore.subscribe, credentialsStore.get);
}

/** Where the officer enters a bearer token or an API key; held in memory only (api/credentials.ts). */
export function AccessPanel({ onClose }: { onClose: () => void }) {
  const current = useCredentials();
  const [kind, setKind] = useState<Credentials['kind']>(current.kind);
  const [secret, setSecret] = useState('');
  const apply = () => {
    credentialsStore.set(kind === 'bearer' ? { kind, token: secret.trim() } : kind === 'apiKey' ? { kind, key: secret.trim() } : { kind: 'none' });
    setSecret('');
    onClose();
  };
  return (
    <section className="access-panel" aria-labelledby="access-title">
      <h2 id="access-title">{t('access.title')}</h2>
      <p>{t('access.intro')}</p>
      <p>
        <strong>{t(`access.current.${current.kind}`)}</strong>
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <SelectField
          label={t('access.kind')}
          value={kind}
          onChange={(v) => setKind(v as Credentials['kind'])}
          options={[
            { value: 'none', label: t('access.none') },
            { value: 'bearer', label: t('access.bearer') },
            { value: 'apiKey', label: t('access.apiKey') },
          ]}
        />
        {kind !== 'none' ? <TextField label={t('access.secret')} type="password" autoComplete="off" value={secret} onChange={setSecret} required /> : null}
        <div className="actions">
          <button type="submit">{t('access.apply')}</button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              credentialsStore.set({ kind: 'none' });
              onClose();
            }}
          >
            {t('access.forget')}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('access.close')}
          </button>
        </div>
      </form>
    </section>
  );
}
