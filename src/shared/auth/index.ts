/**
 * Roles, actions, the role matrix and the one decision function (issue 9), plus the CJIS
 * policy figures and the audit event shape. Pure: used by main, the registry and the renderer.
 */
export * from './actions';
export * from './auditEvent';
export * from './channelActions';
export * from './conditions';
export * from './decide';
export * from './kdf';
export * from './kindActions';
export * from './matrix';
export * from './policy';
export * from './principal';
export * from './roles';
