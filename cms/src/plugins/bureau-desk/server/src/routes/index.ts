import { bureauDeskRoutes } from './admin';

export default { admin: bureauDeskRoutes };
