import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../test/chromium';

export const launchChromium = (): Promise<Browser> => chromium.launch(chromiumLaunchOptions());
