import { createAction } from '@reduxjs/toolkit';

/** The renderer has mounted; features load what they need from main. */
export const appStarted = createAction('app/appStarted');
