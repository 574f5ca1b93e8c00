<?php
/**
 * Plugin Name: threadline e2e test site (TEST ONLY: never install on a real site)
 * Description: Lets the e2e specs switch the site's settings over REST and places threadline's script on posts.
 */

defined( 'ABSPATH' ) || exit;

// The plugin under test, unless a spec is checking how the widget behaves without it.
if ( ! get_option( 'tl_test_no_plugin' ) && file_exists( WP_CONTENT_DIR . '/threadline/threadline.php' ) ) {
	require WP_CONTENT_DIR . '/threadline/threadline.php';
}

// Every test posts from 127.0.0.1: WordPress's 15-second flood check stays off unless a spec turns
// it on, and then counts only comments since (earlier tests' comments must not make it flaky).
add_filter(
	'comment_flood_filter',
	static function ( $is_flood, $time_last ) {
		$since = (int) get_option( 'tl_test_flood' );
		return $since && $time_last >= $since ? $is_flood : false;
	},
	99,
	2
);

// Stands in for an anti-spam plugin with its own refusal code (a code the widget does not know).
add_filter(
	'pre_comment_approved',
	static function ( $approved, $data ) {
		return false !== stripos( $data['comment_content'] ?? '', 'moon' )
			? new WP_Error( 'tl_test_no_moon', 'Comments about the <em>moon</em> are not accepted here.', array( 'status' => 403 ) )
			: $approved;
	},
	10,
	2
);

// Index pages: a count beside each post title, as a site owner would add to the theme.
add_filter(
	'the_title',
	static function ( $title, $id = 0 ) {
		return is_home() && in_the_loop() ? $title . ' <span class="tl-count" data-threadline-count="' . (int) $id . '"></span>' : $title;
	},
	10,
	2
);

// The theme's own comments are replaced by threadline's section.
add_filter(
	'comments_template',
	static function () {
		return __DIR__ . '/threadline-test/comments.php';
	}
);

// The embed tag a spec set (with the widget's files served from another origin).
add_action(
	'wp_footer',
	static function () {
		echo get_option( 'tl_test_embed', '' ); // phpcs:ignore -- test fixture
	}
);

// Admin-only: set the options the specs switch (comment_registration, require_name_email, …).
add_action(
	'rest_api_init',
	static function () {
		register_rest_route(
			'tl-test/v1',
			'/options',
			array(
				'methods'             => 'POST',
				'permission_callback' => static function () {
					return current_user_can( 'manage_options' );
				},
				'callback'            => static function ( WP_REST_Request $request ) {
					$allowed = array( 'tl_test_no_plugin', 'tl_test_flood', 'tl_test_embed', 'comment_registration', 'require_name_email', 'comment_previously_approved', 'comment_moderation' );
					foreach ( (array) $request->get_json_params() as $name => $value ) {
						if ( 'tl_test_flood' === $name && $value ) {
							$value = time();
						}
						if ( in_array( $name, $allowed, true ) ) {
							update_option( $name, $value );
						}
					}
					return array( 'ok' => true );
				},
			)
		);
	}
);
