import { useEffect } from 'react';

import { appStarted } from './appActions';
import { AppFrame } from './AppFrame';
import { useAppDispatch } from './hooks';

export function App() {
  const dispatch = useAppDispatch();
  useEffect(() => {
    dispatch(appStarted());
  }, [dispatch]);
  return <AppFrame />;
}
