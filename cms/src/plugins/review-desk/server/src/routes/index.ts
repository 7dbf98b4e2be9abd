import { reviewDeskRoutes } from './admin';

export default { admin: reviewDeskRoutes };
