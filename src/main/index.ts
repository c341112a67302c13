import { startElectronApp } from './electron/main-process';
import { createAppServices } from './services/app-services';

startElectronApp(createAppServices);
