INSERT INTO public.news VALUES (1, E'<p>a\nb</p>', 'it''s');
COPY public.news (id, title, body) FROM stdin;
1	通知	<p>一、总则</p>
\.
