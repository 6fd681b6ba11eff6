import { describeLinksInCluster } from './cluster-links-suite.js';
import { amiPbx } from './cluster-pbxs.js';

describeLinksInCluster(amiPbx());
