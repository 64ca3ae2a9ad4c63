INSERT INTO `news` (`id`, `title`, `content`, `url`) VALUES (1,'关于\'双创\'的通知','<p>一、总则</p>\n<p>最高300万元</p>','http://x.gov.cn/1'),(2,'b','<p>),(</p>',NULL);
