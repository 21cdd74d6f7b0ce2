/** The call feature's icons come from the app's one icon set (../icons.js). */
export { icon } from '../icons.js';
