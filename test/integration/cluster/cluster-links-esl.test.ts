import { describeLinksInCluster } from './cluster-links-suite.js';
import { eslPbx } from './cluster-pbxs.js';

describeLinksInCluster(eslPbx());
