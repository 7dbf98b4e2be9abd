import controllers from './controllers';
import routes from './routes';

/** The bureau desk's server part: admin routes over the statistician, agency and direct-report APIs. */
export default { controllers, routes };
