import { forwardRef, useState } from 'react';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import DevicesIcon from '@mui/icons-material/Devices';
import { Confirm, useLogout, useNotify, useTranslate, useUserMenu } from 'react-admin';

/**
 * Ends every session of this login (a lost laptop, a shared computer), then this one. The
 * confirmation says so, because the other devices are signed out without warning.
 */
export const LogoutEverywhere = forwardRef<HTMLLIElement>((_props, ref) => {
  const translate = useTranslate();
  const notify = useNotify();
  const logout = useLogout();
  const userMenu = useUserMenu();
  const [open, setOpen] = useState(false);
  const confirm = async () => {
    setOpen(false);
    const res = await fetch('/api/auth/logout-everywhere', { method: 'POST', credentials: 'include' });
    if (!res.ok) {
      const body = await res.json().catch(() => ({}));
      notify(body.message ?? 'ra.notification.http_error', { type: 'error' });
      return;
    }
    userMenu?.onClose();
    await logout();
  };
  return (
    <>
      <MenuItem ref={ref} onClick={() => setOpen(true)}>
        <ListItemIcon><DevicesIcon fontSize="small" /></ListItemIcon>
        <ListItemText>{translate('app.auth.logout_everywhere')}</ListItemText>
      </MenuItem>
      <Confirm
        isOpen={open}
        title="app.auth.logout_everywhere"
        content="app.auth.logout_everywhere_confirm"
        confirm="app.auth.logout_everywhere"
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
});
LogoutEverywhere.displayName = 'LogoutEverywhere';
