import { useEffect } from 'react';

import { AuthGate } from '../features/auth/AuthGate';

import { appStarted } from './appActions';
import { AppFrame } from './AppFrame';
import { useAppDispatch } from './hooks';

export function App() {
  const dispatch = useAppDispatch();
  useEffect(() => {
    dispatch(appStarted());
  }, [dispatch]);
  // Nothing of the app renders until a user is signed in and the workstation is unlocked.
  return (
    <AuthGate>
      <AppFrame />
    </AuthGate>
  );
}
