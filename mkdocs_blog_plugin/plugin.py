"""The ``frontmatter-blog`` plugin: MkDocs events, delegated to ``structure`` and ``renderer``."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
import weakref
from typing import Any, Literal

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from mkdocs_blog_plugin.ads import AdsFeature
from mkdocs_blog_plugin.ads.head import instant_navigation
from mkdocs_blog_plugin.compat.material_pages import (
    add_date_filter,
    attach_material_attributes,
    set_sidebar_links,
    use_post_layout,
)
from mkdocs_blog_plugin.config import BlogConfig, pagination_window
from mkdocs_blog_plugin.core.post import Post
from mkdocs_blog_plugin.renderer.render import Renderer
from mkdocs_blog_plugin.structure.blog import (
    Blog,
    collect_blog,
    date_listings_written_by_user,
    listings_with_toc,
)
from mkdocs_blog_plugin.structure.dirty import ShownPosts
from mkdocs_blog_plugin.structure.feed import Feed
from mkdocs_blog_plugin.structure.instances import (
    OurStylesheet,
    check_blog_dirs,
    feed_folder,
    instances_of,
    user_lists_css,
)
from mkdocs_blog_plugin.structure.language import site_labels
from mkdocs_blog_plugin.structure.links import RelatedLinks
from mkdocs_blog_plugin.structure.metadata import Metadata
from mkdocs_blog_plugin.structure.nav import (
    add_nav_sections,
    apply_nav_titles,
    hang_under_index,
    uses_material_layouts,
    warn_of_hidden_posts_in_nav,
)
from mkdocs_blog_plugin.structure.other_plugins import (
    keep_listings_out_of_search,
    warn_of_redirects_over_blog,
    without_stylesheet,
)
from mkdocs_blog_plugin.structure.page_cache import PageCache
from mkdocs_blog_plugin.structure.pages import ListingPage, PostPage
from mkdocs_blog_plugin.structure.postlist import MARKER_START, expand_post_lists
from mkdocs_blog_plugin.structure.reading import KeptReading, read_post_html
from mkdocs_blog_plugin.structure.render_cache import RenderCache
from mkdocs_blog_plugin.structure.search_cache import SearchCache
from mkdocs_blog_plugin.structure.stale import remove_stale_pages
from mkdocs_blog_plugin.structure.static_i18n import (
    blog_options,
    language_build,
    leave_out_other_languages,
    withhold_attachments_of_absent_posts,
)
from mkdocs_blog_plugin.structure.urls import locale_of

log = get_plugin_logger(__name__)

TEMPLATES_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")
BLOG_CSS = "assets/frontmatter-blog/blog.css"
_NOINDEX = '<meta name="robots" content="noindex">'
# MkDocs' (or ProperDocs') own unstyled marker on a page that `build` leaves out; a draft post
# has our banner.
_MKDOCS_DRAFT_MARKER = re.compile(
    r'<div class="(?:mkdocs|properdocs)-draft-marker"[^>]*>DRAFT</div>'
)


class BlogPlugin(BasePlugin[BlogConfig]):
    """Turns the Markdown pages under ``blog_dir`` into a blog."""

    # Several blogs in one site (blog/ and news/): each instance has its own posts, listings,
    # feeds and ads; what the site has once (the stylesheet, ads.txt) is the first one's job.
    supports_multiple_instances = True

    def __init__(self) -> None:
        # on_startup only runs from the command line; a build() call from Python is a build.
        self.serving = False
        self.dirty = False
        self.blog: Blog | None = None
        self.renderer: Renderer | None = None
        self.ads: AdsFeature | None = None
        self.feed: Feed | None = None
        self.metadata: Metadata | None = None
        self._scratch: weakref.finalize[Any, Any] | None = None
        self._blog_output = ""
        """Where the blog of this build is in ``site_dir`` (``fr/blog`` under
        mkdocs-static-i18n, for its French build)."""
        self._blog_source = "blog"
        """The blog's folder in ``docs_dir`` for this build (``fr/blog`` in folder mode)."""
        self._css_on_every_page = True
        self._first = True
        """The first enabled instance of the plugin in ``plugins:``: it takes care of what the
        site has once, for every instance (the blog's stylesheet, ``ads.txt``)."""
        self._instances: list[BlogPlugin] = [self]
        """The enabled instances of the plugin in this site, in the order of ``plugins:``."""
        self._instant = False
        self._with_post_lists: set[str] = set()
        """Pages that list posts (<!-- frontmatter-blog:posts -->), outside the blog too."""
        self._bodies: dict[str, str] = {}
        """Each post's HTML before its header and footer, from ``on_page_context`` to
        ``on_post_page``, which gives it back to the page."""
        self._post_sidebar = False
        # Live across `serve` rebuilds, unlike the rest, which each build makes afresh.
        self.kept_reading = KeptReading()
        self.shown_posts = ShownPosts()
        self.render_cache = RenderCache()
        """Posts' rendered Markdown, for the next rebuild of a `mkdocs serve` session."""
        self.search_cache = SearchCache()
        """Pages' search entries, for the next rebuild of a `mkdocs serve` session."""
        self.page_cache = PageCache()
        """Pages' theme renders, for the next rebuild of a `mkdocs serve` session."""
        self.related: RelatedLinks | None = None

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty
        # One `mkdocs serve` session (MkDocs reuses plugin instances within a process).
        self.kept_reading = KeptReading()
        self.shown_posts = ShownPosts()
        self.render_cache = RenderCache()
        self.search_cache = SearchCache()
        self.page_cache = PageCache()

    def on_config(self, config: MkDocsConfig) -> None:
        # MkDocs keeps plugin instances across `serve` rebuilds: start every build afresh.
        if self.ads is not None:
            # A build run again with the same config (mkdocs-static-i18n's, one per language)
            # still lists the last build's Markdown extension: one of each blog is enough.
            # MkDocs types the list as names, but it holds the extension instance too.
            extensions: list[object] = list(config.markdown_extensions)
            if any(ext is self.ads.extension for ext in extensions):
                config.markdown_extensions.remove(self.ads.extension)  # type: ignore[arg-type, unused-ignore]
        self.blog = None
        self.renderer = None
        self.ads = None
        self.feed = None
        self.metadata = None
        self._with_post_lists = set()
        self._bodies = {}
        self.related = None
        self._remove_scratch()
        if not self.config.enabled:
            return
        self._instances = instances_of(config, BlogPlugin) or [self]
        self._first = self._instances[0] is self
        if self._first:
            check_blog_dirs([instance.config.blog_dir for instance in self._instances])
        # Last in the search path: the theme and the user's custom_dir override our templates.
        # Our CSS lives there too, so MkDocs copies it like any theme asset. Once, for a site
        # of several blogs, or a build mkdocs-static-i18n runs again with the same config.
        if TEMPLATES_DIR not in config.theme.dirs:
            config.theme.dirs.append(TEMPLATES_DIR)
        # Only the blog's pages link the stylesheet (see on_post_page), unless the user lists it
        # in extra_css, or the instant navigation of Material (or MaterialX: ads.head's
        # instant_navigation) swaps pages in without their <head> links being loaded up front.
        # First in extra_css: the user's stylesheets come after it, and win at equal specificity.
        self._instant = instant_navigation(config)
        self._css_on_every_page = user_lists_css(config.extra_css, BLOG_CSS) or self._instant
        if BLOG_CSS not in config.extra_css:
            config.extra_css.insert(0, OurStylesheet(BLOG_CSS))
        self._post_sidebar = self.config.post_sidebar and uses_material_layouts(config)
        self.ads = AdsFeature(self.config.ads, serving=self.serving, render=self._render)
        self.ads.on_config(config)

    # Late, so that pages other plugins generate in on_files (gen-files, ...) can be posts, and
    # after mkdocs-static-i18n (-100), which makes every file anew from docs_dir: the blog is
    # read from the files of the language being built, and its generated pages are left alone.
    @event_priority(-110)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        # The site's language, for every label and title of this build; read here, after
        # mkdocs-static-i18n's on_config has set the theme's language for the one it builds.
        labels = site_labels(self.config, config)
        if self.ads is not None:
            self.ads.labels = labels
            # The ads' stylesheet stays when any blog of the site can have slots.
            self.ads.on_files(
                files, keep_stylesheet=any(i.ads_have_markup() for i in self._instances)
            )
        # Under mkdocs-static-i18n: the language it builds, whose blog this build makes.
        language = language_build(config, files, self.config.blog_dir)
        leave_out_other_languages(files, language, self.config.blog_dir)
        withhold_attachments_of_absent_posts(files, language, self.config.blog_dir, config.docs_dir)
        self._blog_output = language.output + self.config.blog_dir
        options = blog_options(self.config, language)
        self._blog_source = options.blog_dir
        self.blog = collect_blog(
            files,
            config=config,
            options=options,
            language=language,
            serving=self.serving,
            now=dt.datetime.now(dt.timezone.utc),
            scratch=self._new_scratch(),
            labels=labels,
        )
        # Ad slots are rendered while Markdown converts, before on_env hands out the build's
        # environment. get_env() builds the same one: theme, custom_dir, filters, translations.
        feed = Feed(
            self.blog,
            config,
            self.config,
            files,
            folder=feed_folder(self.config, first=self._first),
            written_by_others=self._feeds_of_others(),
        )
        self.feed = feed if feed.active else None
        # For a dirty build: the feeds' names, and the files of the feeds this build writes.
        self._feed_files = (feed.names(), feed.written())
        metadata = Metadata(self.blog, config, self.config)
        self.metadata = metadata if metadata.active else None
        related = self.related = RelatedLinks(files)
        self.renderer = Renderer(
            config.theme.get_env(),
            self.blog,
            date_format=self.config.date_format,
            images=(self.config.hero_image.in_post, self.config.hero_image.in_listing),
            locale=locale_of(self.config, config),
            labels=labels,
            entry_limits=(
                self.config.post_excerpt_max_authors,
                self.config.post_excerpt_max_categories,
            ),
            feed_url=self.feed.feed_of if self.feed is not None else None,
            # Material's post layout has its own way back to the blog.
            back_link=not self._post_sidebar,
            toc_kinds=listings_with_toc(self.config),
            pagination=(
                window
                if (window := pagination_window(self.config.pagination_format)) is not None
                else 2,
                self.config.pagination_if_single_page,
            ),
            # Material's post layout shows them in its sidebar instead (on_page_context).
            related_links=(
                None if self._post_sidebar else lambda entry, url: related.for_page(entry.post, url)
            ),
        )
        attach_material_attributes(self.blog)
        if self.feed is None and self.dirty:
            feed.remove_stale(config.site_dir, files)
        warn_of_redirects_over_blog(config, self.blog)
        if self.dirty:
            self.shown_posts.mark_changed(self.blog, files)
        return files

    def ads_have_markup(self) -> bool:
        """Whether this blog's posts can get ad slots (``ads.snippet``, ``ads.adsense`` or a
        slot template): the ads' stylesheet is needed."""
        return self.ads is not None and self.ads.has_markup

    def _feeds_of_others(self) -> dict[str, str]:
        """The feed files the earlier instances write in this build, and their blogs."""
        found: dict[str, str] = {}
        for instance in self._instances:
            if instance is self:
                break
            if instance.feed is not None:
                found.update(dict.fromkeys(instance.feed.written(), instance.config.blog_dir))
        return found

    def shows_blog(self, uri: str) -> bool:
        """Whether the page at ``uri`` is one of this blog's (a post, a listing) or lists its
        posts (``<!-- frontmatter-blog:posts -->``): a page that needs the blog's stylesheet."""
        if self.blog is None:
            return False
        return uri in self.blog.by_src or uri in self.blog.listings or uri in self._with_post_lists

    def _owns_post(self, page: object) -> bool:
        """Whether ``page`` is one of this blog's posts."""
        file = getattr(page, "file", None)
        return self.blog is not None and file is not None and file.src_uri in self.blog.by_src

    def _new_scratch(self) -> str:
        """An empty folder for this build's generated pages' source files (see
        ``structure.blog._PageMaker``), removed when the next build starts, at shutdown, or
        when Python exits."""
        self._remove_scratch()
        path = tempfile.mkdtemp(prefix="frontmatter-blog-")
        self._scratch = weakref.finalize(self, shutil.rmtree, path, ignore_errors=True)
        return path

    def _remove_scratch(self) -> None:
        if self._scratch is not None:
            self._scratch()  # Runs once; later calls do nothing.
            self._scratch = None

    def on_shutdown(self) -> None:
        self._remove_scratch()

    # Late: after other plugins have changed the nav, the posts hang under the blog's index.
    @event_priority(-50)
    def on_nav(
        self, nav: Navigation, /, *, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        if self.blog is None:
            return None
        if config.nav:
            apply_nav_titles(config.nav, files)
            warn_of_hidden_posts_in_nav(config.nav, files, self._blog_source)
        # MkDocs makes the pages of the user's own files after on_files.
        date_listings_written_by_user(self.blog)
        if self.config.nav_sections:
            add_nav_sections(nav, self.blog, self.config)
        hang_under_index(self.blog, posts_in_nav=self.config.posts_in_nav)
        return None

    def _render(self, name: str, **context: Any) -> str:
        assert self.renderer is not None, "the renderer is made in on_files, before pages render"
        return self.renderer.render(name, **context)

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.blog is None:
            return None
        entry = self.blog.by_src.get(page.file.src_uri)
        if entry is not None and self._post_sidebar:
            use_post_layout(page)
        wants_ads = entry is not None and self._wants_ads(entry.post)
        if self.ads is not None:
            self.ads.begin_page(page, wants_ads=wants_ads)
        if entry is not None and isinstance(page, PostPage) and self.serving:
            # This blog's own post: its ad slots are this blog's (another blog's post has the
            # ad settings of its own blog).
            page.render_cache = self.render_cache
            page.slots = self.ads
        return None

    # Last: the excerpt and read time are of the HTML the reader gets, after other plugins.
    @event_priority(-100)
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.blog is None:
            return None
        if entry := self.blog.by_src.get(page.file.src_uri):
            slots = self.ads.slot_html(page) if self.ads is not None else ()
            read_post_html(self.blog, entry, html, self.config, slots)
            if (
                self.feed is not None
                and self.config.feed.content == "full"
                and entry.post.path in self.feed.wanted
            ):
                self.blog.bodies[entry.post.path] = html
            settings = getattr(page, "config", None)
            if settings is not None and settings.readtime is None:
                settings.readtime = self.blog.reading.get(entry.post.path)
        elif self.config.pagination_keep_content:
            listing = self.blog.listings.get(page.file.src_uri)
            if listing is not None and not listing.generated and len(listing.pages) > 1:
                self.blog.intros[page.file.src_uri] = html
        return None

    def _ads_head(self, page: Page) -> bool:
        """Whether this instance adds the ads' head to ``page`` when it has none of its slots
        (instant navigation): only the first instance that would, and not on a page where
        another instance has placed slots (that one adds it)."""
        for instance in self._instances:
            if instance is not self and instance.ads is not None and instance.ads.slots_on(page):
                return False
        for instance in self._instances:
            if instance.ads is not None and instance.ads.head_on_every_page():
                return instance is self
        return False

    def _wants_ads(self, post: Post) -> bool:
        chosen: bool = post.ads if post.ads is not None else self.config.ads.default
        return chosen and not post.draft

    # Every page has its content now, and none is built yet. A dirty build deletes nothing,
    # so the blog's pages that this build no longer makes are removed here.
    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment | None:
        if self.blog is None or self.renderer is None:
            return None
        if self.serving and self._first:
            self.search_cache.attach(config)
            self.page_cache.attach(env, config)
        keep_listings_out_of_search(config)
        if self._post_sidebar:
            add_date_filter(env.filters, self.renderer.views.date_text, self._owns_post)
        if self.dirty:
            remove_stale_pages(
                files,
                config.site_dir,
                self._blog_output,
                serving=self.serving,
                feeds=self._feed_files,
            )
            self.kept_reading.fill(self.blog)
        return None

    # After the search plugin (priority 0) has indexed the page: the index holds the post's own
    # text, not its header or the listings (which only repeat what the posts say), and search
    # need not parse them.
    @event_priority(-100)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if self._first:
            # Last of the page's events (but those of plugins after this one at -100): the
            # theme's render of this context may be kept for the next serve rebuild.
            self.page_cache.arm(page, context)
        if self.blog is None or self.renderer is None or page.content is None:
            return None
        uri = page.file.src_uri
        if MARKER_START in page.content:
            renderer = self.renderer
            content = expand_post_lists(
                page.content,
                self.blog,
                uri,
                lambda posts: renderer.post_list(posts, page),
                blog_dir=self.config.blog_dir,
                first=self._first,
                blogs=frozenset(instance.config.blog_dir for instance in self._instances),
            )
            if content != page.content:
                self._with_post_lists.add(uri)  # keeps the blog's stylesheet
            page.content = content
        if (entry := self.blog.by_src.get(uri)) is not None:
            self._bodies[uri] = page.content
            page.content = self.renderer.post_page(page.content, entry, page)
            if self._post_sidebar and self.related is not None:
                set_sidebar_links(page, self.related.tree(entry.post))
        elif (listing := self.blog.listings.get(uri)) is not None:
            page.content = self.renderer.listing_page(page.content, listing, page)
        return None

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.blog is None:
            return None
        uri = page.file.src_uri
        entry = self.blog.by_src.get(uri)
        head: list[str] = []
        if entry is not None and entry.post.draft:
            # Only reached under `mkdocs serve`: keep a shared preview out of search engines.
            head.append(_NOINDEX)
            if 'class="fmb-draft-banner"' in output:
                output = _MKDOCS_DRAFT_MARKER.sub("", output, count=1)
        listing = self.blog.listings.get(uri)
        if self.feed is not None and (entry is not None or listing is not None):
            head.append(self.feed.head_link(page.url, site_only=self._instant))
        end = output.find("</head>")
        if self.metadata is not None and end >= 0 and (entry or listing):
            # Not what the theme or another plugin has written already (canonical, description).
            present = output[:end]
            if entry is not None and not entry.post.draft:
                head.append(self.metadata.for_post(entry, page, present))
            elif listing is not None:
                head.append(self.metadata.for_listing(listing, page, present))
        if head and "</head>" in output:
            output = output.replace("</head>", "\n".join([*head, "</head>"]), 1)
        if self.ads is not None:
            output = self.ads.on_post_page(output, page, head_without_slots=self._ads_head(page))
        # The first instance keeps the stylesheet on the pages of every blog of the site.
        if (
            self._first
            and not self._css_on_every_page
            and not any(instance.shows_blog(uri) for instance in self._instances)
        ):
            output = without_stylesheet(output, BLOG_CSS)
        if (body := self._bodies.pop(uri, None)) is not None:
            # Written out next, and MkDocs keeps every page's HTML until the build ends: keep
            # the post's own HTML, as converted, not the copy with its header and footer. That
            # copy is larger, and twice as large again when the header has a character beyond
            # Latin-1 (a curly quote in a related post's title): Python then stores every
            # character of the page in two bytes. It was 11 MB of a 1,000-post build's peak
            # memory. What plugins read at on_post_build is the post as Material's blog
            # leaves it, its body.
            page.content = body
        if isinstance(page, ListingPage):
            # Written out next. MkDocs keeps every page's HTML until the build ends, and a
            # listing only repeats its posts: free it (most of the plugin's memory cost).
            page.content = ""
        return output

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        # The theme's 404.html and other static pages show no post and no listing.
        if (
            self.blog is None
            or not self._first
            or self._css_on_every_page
            or not template_name.endswith(".html")
        ):
            return None
        return without_stylesheet(output_content, BLOG_CSS)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._first:
            self.page_cache.detach()
        if self.blog is not None and self.serving:
            self.kept_reading.keep(self.blog)
        if self.feed is not None:
            self.feed.write(config.site_dir)
        if self.ads is not None and self._first:
            # One ads.txt for the site: the lines of every blog's ads.ads_txt.
            self.ads.on_post_build(
                config, [instance.ads for instance in self._instances if instance.ads is not None]
            )
