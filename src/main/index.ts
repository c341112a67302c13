import { startElectronApp } from './electron/main-process';
import { createAppServices } from './app/app-services';

startElectronApp(createAppServices);
