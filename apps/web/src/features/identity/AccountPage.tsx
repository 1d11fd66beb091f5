import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Paragraph,
} from '@utrecht/component-library-react';
import { useAuth } from '../../auth/AuthProvider';
import { useT } from '../../i18n/LocaleProvider';
import { PageHeading } from '../../ui/States';
import { PreferencesSection } from '../notifications/PreferencesSection';

export function AccountPage() {
  const { t, term } = useT();
  const { me } = useAuth();
  if (!me) return null;
  return (
    <>
      <PageHeading>{t('account.title')}</PageHeading>
      <DataList className="bs-facts">
        <DataListItem>
          <DataListKey>{t('register.name')}</DataListKey>
          <DataListValue>{me.name}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('register.email')}</DataListKey>
          <DataListValue>{me.email}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('account.role')}</DataListKey>
          <DataListValue>{term('userRole', me.role)}</DataListValue>
        </DataListItem>
        {me.organisation && (
          <DataListItem>
            <DataListKey>{t('account.organisation')}</DataListKey>
            <DataListValue>{me.organisation.name}</DataListValue>
          </DataListItem>
        )}
      </DataList>
      {me.role !== 'procurement_officer' && <Paragraph>{t('account.next')}</Paragraph>}
      <PreferencesSection />
    </>
  );
}
